"""Makes a test tree for the timings: FILES files in folders 4 deep, 1 in 5 a
*.py file, sizes from a fixed random sequence, so every run sees the same tree.
usage: make_tree.py FOLDER [FILES]"""
import os
import random
import sys

root = sys.argv[1]
files = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
rng = random.Random(5)
per_folder = 50
for n in range(files):
    folder = n // per_folder
    path = os.path.join(root, 'a%d' % (folder // 1000), 'b%d' % (folder // 100 % 10),
                        'c%d' % (folder // 10 % 10), 'd%d' % (folder % 10))
    if n % per_folder == 0:
        os.makedirs(path, exist_ok=True)
    name = 'f%d%s' % (n, '.py' if rng.random() < 0.2 else rng.choice(['.txt', '.c', '.pyc']))
    with open(os.path.join(path, name), 'wb') as f:
        f.write(b'x' * rng.randrange(0, 4096))
