docker volume create data logs
