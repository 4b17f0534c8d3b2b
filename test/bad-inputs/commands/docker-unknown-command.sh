docker frobnicate
