from webhooks.relay import deliver, sign


def test_delivery_is_signed(recorder, sample_event):
    url, seen = recorder
    assert deliver(f"{url}/hook", sample_event, "s3cret") == 204
    path, headers, body = seen[0]
    assert headers["X-Signature"] == sign("s3cret", sample_event)


def test_live_app(live_app, sample_event):
    assert deliver(f"{live_app}/hook", sample_event, "x") == 200
