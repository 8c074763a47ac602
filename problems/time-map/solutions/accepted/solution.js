
var TimeMap = function() {
    this.history = new Map();
};

/** 
 * @param {string} key 
 * @param {string} value 
 * @param {number} timestamp
 * @return {void}
 */
TimeMap.prototype.set = function(key, value, timestamp) {
    if (!this.history.has(key)) this.history.set(key, []);
    this.history.get(key).push([timestamp, value]);
};

/** 
 * @param {string} key 
 * @param {number} timestamp
 * @return {string}
 */
TimeMap.prototype.get = function(key, timestamp) {
    const items = this.history.get(key) || [];
    let low = 0, high = items.length;
    while (low < high) {
        const mid = (low + high) >> 1;
        if (items[mid][0] <= timestamp) low = mid + 1;
        else high = mid;
    }
    return low === 0 ? "" : items[low - 1][1];
};
