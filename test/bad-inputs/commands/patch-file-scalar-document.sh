echo web | kubectl patch -f - -p '{"metadata":{"labels":{"a":"b"}}}'
