import os, sys
print('Hello from child', os.getpid(), sys.argv[1])
