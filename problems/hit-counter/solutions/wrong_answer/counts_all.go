type HitCounter struct {
    count int
}

func Constructor() HitCounter {
    return HitCounter{}
}

func (this *HitCounter) Hit(timestamp int) {
    this.count++
}

func (this *HitCounter) GetHits(timestamp int) int {
    return this.count // forgets that hits grow old
}
