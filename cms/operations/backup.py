"""Backup and restore of the whole site: the PostgreSQL database and the media files.

A backup is a folder holding

* ``database.dump``: ``pg_dump --format=custom`` of the database (every page, revision,
  translation, segment, user, image and document record);
* ``media.tar.gz``: the media files (original images, renditions, documents), when they are
  on the local disk (an S3 bucket is backed up by the bucket's own versioning/replication);
* ``manifest.json``: when, from which database, and the SHA-256 of each file.

``manage.py backup_site`` writes one, ``manage.py restore_site`` restores one (README,
"Backup and restore"). Passwords go to pg_dump/pg_restore through PGPASSWORD in their
environment, never on a command line.
"""

import datetime
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, default_storage

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"


class BackupError(Exception):
    pass


def postgres_params(settings_dict):
    """Connection settings of a Django database as libpq arguments and environment."""
    if settings_dict["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError(
            "Backups need PostgreSQL (pg_dump); with SQLite, copy the database file instead."
        )
    env = {**os.environ}
    args = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [option, str(settings_dict[key])]
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return args, env, settings_dict["NAME"]


def settings_dict_from_url(url):
    parsed = dj_database_url.parse(url)
    keys = ("ENGINE", "HOST", "PORT", "USER", "PASSWORD", "NAME")
    return {key: parsed.get(key) for key in keys}


def tool(name):
    path = shutil.which(name)
    if not path:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return path


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def local_media_root():
    """MEDIA_ROOT when media files are on the local disk, else None (e.g. S3)."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(settings.MEDIA_ROOT)
    return None


def backup(settings_dict, output, include_media=True):
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    args, env, name = postgres_params(settings_dict)
    dump = output / DATABASE_FILE
    subprocess.run(
        [tool("pg_dump"), *args, "--format=custom", "--no-owner", "--no-privileges",
         "--file", str(dump), name],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    files = {DATABASE_FILE: sha256(dump)}
    media_root = local_media_root() if include_media else None
    if media_root is not None:
        archive = output / MEDIA_FILE
        with tarfile.open(archive, "w:gz") as tar:
            if media_root.exists():
                for child in sorted(media_root.iterdir()):
                    tar.add(child, arcname=child.name)
        files[MEDIA_FILE] = sha256(archive)
    manifest = {
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "database": name,
        "media": "included" if media_root is not None else "not included",
        "files": files,
    }
    (output / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2))
    return manifest


def check_manifest(folder):
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"No readable {MANIFEST_FILE} in {folder}: {error}") from error
    for file_name, expected in manifest["files"].items():
        if not (folder / file_name).exists() or sha256(folder / file_name) != expected:
            raise BackupError(f"{file_name} is missing or damaged (checksum mismatch).")
    return manifest


def database_is_empty(settings_dict):
    args, env, name = postgres_params(settings_dict)
    result = subprocess.run(
        [tool("psql"), *args, "--dbname", name, "--tuples-only", "--no-align", "--command",
         "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"],
        env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return result.stdout.strip() == "0"


def restore(folder, settings_dict, media_root=None, replace=False):
    folder = Path(folder)
    manifest = check_manifest(folder)
    if not replace and not database_is_empty(settings_dict):
        raise BackupError(
            f"Database {settings_dict['NAME']} is not empty: restore into an empty database, "
            "or pass --replace to drop and replace what is in it."
        )
    args, env, name = postgres_params(settings_dict)
    command = [tool("pg_restore"), *args, "--dbname", name, "--no-owner", "--no-privileges",
               "--exit-on-error", "--single-transaction"]  # fmt: skip
    if replace:
        command += ["--clean", "--if-exists"]
    result = subprocess.run(
        [*command, str(folder / DATABASE_FILE)], env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    if MEDIA_FILE in manifest["files"]:
        media_root = Path(media_root or local_media_root() or "")
        if not str(media_root):
            raise ImproperlyConfigured("Media files are not on the local disk: pass a media root.")
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / MEDIA_FILE, "r:gz") as tar:
            tar.extractall(media_root, filter="data")  # no absolute paths, links or ../
    return manifest
