/* No include guard. */
struct greeting {
    const char *name;
};

void greet(struct greeting g);
