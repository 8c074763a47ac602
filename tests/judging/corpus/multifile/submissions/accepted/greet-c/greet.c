#include <stdio.h>
#include "greet.h"

void greet(struct greeting g) { printf("Hello, %s!\n", g.name); }
