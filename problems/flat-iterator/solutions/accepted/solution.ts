class Vector2D {
    private vec: number[][];
    private row = 0;
    private col = 0;

    constructor(vec: number[][]) {
        this.vec = vec;
    }

    private skipEmpty(): void {
        while (this.row < this.vec.length && this.col === this.vec[this.row].length) {
            this.row++;
            this.col = 0;
        }
    }

    next(): number {
        this.skipEmpty();
        return this.vec[this.row][this.col++];
    }

    hasNext(): boolean {
        this.skipEmpty();
        return this.row < this.vec.length;
    }
}

/**
 * Your Vector2D object will be instantiated and called as such:
 * var obj = new Vector2D(vec)
 * var param_1 = obj.next()
 * var param_2 = obj.hasNext()
 */
