from s3snap.profiles import list_profiles


def test_lists_names_only(tmp_path, monkeypatch):
    (tmp_path / "config").write_text("[default]\nregion = eu-west-1\n[profile work]\nsso_session = corp\n")
    (tmp_path / "credentials").write_text("[personal]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    names = [p["name"] for p in list_profiles()]
    assert names == ["default", "personal", "work"]
    assert all("aws_secret_access_key" not in p for p in list_profiles())
