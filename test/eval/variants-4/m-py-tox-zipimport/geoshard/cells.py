import math


def bucket(lat: float, lon: float, size_km: float = 1.0) -> tuple[int, int]:
    """Approximate axial hex coordinates for a point."""
    x = lon * 111.32 * math.cos(math.radians(lat)) / size_km
    y = lat * 110.57 / size_km
    q = (2 / 3 * x)
    r = (-1 / 3 * x + math.sqrt(3) / 3 * y)
    return round(q), round(r)  # TODO(candidate): cube rounding for edge points
