docker volume rm nosuch
