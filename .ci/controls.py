"""Fails unless every control cell (axis fault or damage = none) of a run's manifest passed."""
import json
import sys

manifest = json.load(open(sys.argv[1]))
controls = [c for c in manifest["cells"] if "none" in (c["axes"].get("fault"), c["axes"].get("damage"))]
bad = [c for c in controls if c["status"] != "passed"]
for c in bad:
    print(f"CI: control cell {c['name']} of {manifest['suite']} is {c['status']}: {c['message']}", file=sys.stderr)
print(f"CI: {manifest['suite']}: {len(controls) - len(bad)} of {len(controls)} control cells passed")
sys.exit(1 if bad else 0)
