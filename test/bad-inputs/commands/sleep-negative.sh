sleep -1
