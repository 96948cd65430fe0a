from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Candidate",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=120)),
                ("email", models.EmailField(max_length=254, unique=True)),
                ("stage", models.CharField(choices=[("applied", "Applied"), ("screen", "Screen"), ("onsite", "Onsite"), ("offer", "Offer")], default="applied", max_length=20)),
                ("skills", models.JSONField(default=list)),
                ("created", models.DateTimeField(auto_now_add=True)),
            ],
        ),
    ]
