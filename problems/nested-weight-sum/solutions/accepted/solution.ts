function depthSum(nestedList: NestedInteger[]): number {
    let total = 0;
    let level = nestedList;
    for (let depth = 1; level.length > 0; depth++) {  // breadth first: one level at a time
        const next: NestedInteger[] = [];
        for (const item of level) {
            if (item.isInteger()) total += item.getInteger() * depth;
            else next.push(...item.getList());
        }
        level = next;
    }
    return total;
};
