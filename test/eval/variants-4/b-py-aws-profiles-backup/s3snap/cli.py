import click

from .backup import backup as run_backup
from .profiles import list_profiles


@click.group()
def main():
    """Incremental S3 snapshots."""


@main.command()
def profiles():
    """List AWS profiles (names and regions only)."""
    for p in list_profiles():
        flags = ", ".join(k for k in ("sso", "role", "static_keys") if p.get(k))
        click.echo(f"{p['name']:<24} {p['region'] or '-':<14} {flags}")


@main.command()
@click.argument("src", type=click.Path(exists=True, file_okay=False))
@click.argument("dest")
@click.option("--profile", default=None, help="AWS profile to use")
def backup(src, dest, profile):
    """Upload changed files from SRC to DEST (s3://bucket/prefix)."""
    n = run_backup(src, dest, profile)
    click.echo(f"uploaded {n} changed file(s)")
