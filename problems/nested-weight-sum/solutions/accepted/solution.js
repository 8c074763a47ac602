/**
 * @param {NestedInteger[]} nestedList
 * @return {number}
 */
var depthSum = function(nestedList) {
    const weigh = (items, depth) => items.reduce(
        (total, item) => total + (item.isInteger() ? item.getInteger() * depth : weigh(item.getList(), depth + 1)),
        0,
    );
    return weigh(nestedList, 1);
};
