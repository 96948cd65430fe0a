import hashlib
import json
from pathlib import Path

import boto3

MANIFEST = ".s3snap-manifest.json"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _split(uri: str) -> tuple[str, str]:
    assert uri.startswith("s3://"), "destination must be s3://bucket/prefix"
    bucket, _, prefix = uri[5:].partition("/")
    return bucket, prefix.rstrip("/")


def backup(src: str, dest: str, profile: str | None = None) -> int:
    s3 = boto3.Session(profile_name=profile).client("s3")
    bucket, prefix = _split(dest)
    root = Path(src)
    try:
        old = json.loads(s3.get_object(Bucket=bucket, Key=f"{prefix}/{MANIFEST}")["Body"].read())
    except s3.exceptions.NoSuchKey:
        old = {}
    new, uploaded = {}, 0
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        digest = _sha256(path)
        new[rel] = digest
        if old.get(rel) != digest:
            s3.upload_file(str(path), bucket, f"{prefix}/{rel}", ExtraArgs={"ServerSideEncryption": "AES256"})
            uploaded += 1
    s3.put_object(Bucket=bucket, Key=f"{prefix}/{MANIFEST}", Body=json.dumps(new).encode())
    return uploaded
