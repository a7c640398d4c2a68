"""The listing FindPythonFiles ports, runnable: the two smallest and the two
largest *.py files under a folder (default: home), as (size, path) pairs."""
import os
import pprint
import sys
from pathlib import Path

trace = False
dirname = sys.argv[1] if len(sys.argv) > 1 else str(Path.home())
allsizes = []
for (current_folder, sub_folders, files) in os.walk(dirname):
    if trace:
        print(current_folder)
    for filename in files:
        if filename.endswith('.py'):
            if trace:
                print('...', filename)
            fullname = os.path.join(current_folder, filename)
            allsizes.append((os.path.getsize(fullname), fullname))
allsizes.sort()
pprint.pprint(allsizes[:2])
pprint.pprint(allsizes[-2:])
