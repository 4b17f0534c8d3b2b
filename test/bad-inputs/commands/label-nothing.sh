kubectl label pods web
