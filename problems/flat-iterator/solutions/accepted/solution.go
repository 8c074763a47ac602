type Vector2D struct {
    rows     [][]int
    row, col int
}


func Constructor(vec [][]int) Vector2D {
    return Vector2D{rows: vec}
}

func (this *Vector2D) skipEmpty() {
    for this.row < len(this.rows) && this.col == len(this.rows[this.row]) {
        this.row++
        this.col = 0
    }
}


func (this *Vector2D) Next() int {
    this.skipEmpty()
    value := this.rows[this.row][this.col]
    this.col++
    return value
}


func (this *Vector2D) HasNext() bool {
    this.skipEmpty()
    return this.row < len(this.rows)
}
