/**
 * @param {number[][]} vec
 */
var Vector2D = function(vec) {
    this.values = vec.flat();
    this.at = 0;
};

/**
 * @return {number}
 */
Vector2D.prototype.next = function() {
    return this.values[this.at++];
};

/**
 * @return {boolean}
 */
Vector2D.prototype.hasNext = function() {
    return this.at < this.values.length;
};
