kubectl label pods web 'app=<b>web</b>'
