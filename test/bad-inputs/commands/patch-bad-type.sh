kubectl patch pvc data --type=bogus -p '{}'
