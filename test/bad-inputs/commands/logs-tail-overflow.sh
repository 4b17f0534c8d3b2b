kubectl logs web --tail=99999999999999999999
