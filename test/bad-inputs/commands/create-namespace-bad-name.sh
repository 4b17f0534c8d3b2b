kubectl create namespace Team_A
