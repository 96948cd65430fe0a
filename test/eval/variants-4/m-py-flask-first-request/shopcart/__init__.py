from flask import Flask

from .metrics import prime_metrics
from .models import db


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.update(
        SQLALCHEMY_DATABASE_URI="sqlite:///shopcart.db",
        SECRET_KEY="dev-only",
    )
    db.init_app(app)

    from .views import bp

    app.register_blueprint(bp)

    @app.before_first_request
    def _init():
        db.create_all()
        prime_metrics(app)

    return app
