echo 42 | kubectl annotate -f - a=b
