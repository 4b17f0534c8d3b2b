kubectl label pods web tier=a=b
