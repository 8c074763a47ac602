import sys

from judged.cli import main

sys.exit(main())
