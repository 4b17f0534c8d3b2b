sleep forever
