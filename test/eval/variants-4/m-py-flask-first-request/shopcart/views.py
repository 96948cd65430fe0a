from flask import Blueprint, jsonify, request

from .models import CartItem, Product, db

bp = Blueprint("cart", __name__)


@bp.get("/products")
def products():
    return jsonify([{"id": p.id, "name": p.name, "price": p.price_cents / 100} for p in Product.query.all()])


@bp.post("/cart")
def add_to_cart():
    data = request.get_json(force=True)
    item = CartItem(product_id=data["product_id"], qty=int(data.get("qty", 1)))
    db.session.add(item)
    db.session.commit()
    return jsonify({"id": item.id}), 201


# TODO(candidate): /cart/discount
