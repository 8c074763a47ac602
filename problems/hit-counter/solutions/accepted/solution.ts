class HitCounter {
    private hits: number[] = [];
    private first = 0;  // the oldest hit still in the window

    constructor() {
    }

    hit(timestamp: number): void {
        this.hits.push(timestamp);
    }

    getHits(timestamp: number): number {
        while (this.first < this.hits.length && this.hits[this.first] <= timestamp - 300) this.first++;
        return this.hits.length - this.first;
    }
}

/**
 * Your HitCounter object will be instantiated and called as such:
 * var obj = new HitCounter()
 * obj.hit(timestamp)
 * var param_2 = obj.getHits(timestamp)
 */
