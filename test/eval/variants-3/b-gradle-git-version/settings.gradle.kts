rootProject.name = "notes-service"
