#!/usr/bin/env python3
"""Writes a tiny image tarball (docker save format) to stand in for eclipse-temurin:21-jre, so
deploy/validate.sh --images can run Jib with no registry. The result only proves the image
configuration; it cannot run (there is no Java in it)."""
import hashlib
import io
import json
import sys
import tarfile

layer_buffer = io.BytesIO()
with tarfile.open(fileobj=layer_buffer, mode="w") as layer:
    data = b"scratch base for deploy/validate.sh --images\n"
    entry = tarfile.TarInfo("etc/flowgate-scratch-base")
    entry.size = len(data)
    layer.addfile(entry, io.BytesIO(data))
layer_bytes = layer_buffer.getvalue()
config = json.dumps({
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/opt/java/openjdk/bin:/usr/bin:/bin"]},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(layer_bytes).hexdigest()]},
}).encode()
manifest = json.dumps([{"Config": "config.json", "RepoTags": ["scratch-base:local"],
                        "Layers": ["layer.tar"]}]).encode()
with tarfile.open(sys.argv[1], mode="w") as image:
    for name, content in (("manifest.json", manifest), ("config.json", config), ("layer.tar", layer_bytes)):
        entry = tarfile.TarInfo(name)
        entry.size = len(content)
        image.addfile(entry, io.BytesIO(content))
