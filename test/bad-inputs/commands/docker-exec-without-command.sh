docker exec web
