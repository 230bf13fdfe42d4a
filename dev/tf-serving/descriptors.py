"""Extracts the serialized FileDescriptorProtos embedded in a tensorflow-serving-api wheel's *_pb2.py modules
and writes them as one FileDescriptorSet. The modules are read as text, not imported: importing them needs
the tensorflow package, which is far too large to install for a test."""
import ast
import re
import sys
import zipfile

SERIALIZED = re.compile(rb"AddSerializedFile\((b'.*?')\)\s*\n", re.S)


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def main(wheel, out):
    files = []
    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            if not (name.startswith("tensorflow_serving/") and name.endswith("_pb2.py")):
                continue
            match = SERIALIZED.search(archive.read(name))
            if match is None:
                sys.exit(f"{name}: no serialized descriptor found")
            files.append(ast.literal_eval(match.group(1).decode("latin-1")))
    if not files:
        sys.exit(f"{wheel}: no tensorflow_serving descriptors")
    with open(out, "wb") as target:
        for descriptor in files:
            # FileDescriptorSet.file is field 1, length-delimited.
            target.write(b"\x0a" + varint(len(descriptor)) + descriptor)
    print(f"wrote {len(files)} TF Serving file descriptors to {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
