type node struct {
    key, value int
    prev, next *node
}

type LRUCache struct {
    capacity int
    items    map[int]*node
    head     *node // sentinel: head.next is the most recently used
}


func Constructor(capacity int) LRUCache {
    head := &node{}
    head.prev, head.next = head, head
    return LRUCache{capacity: capacity, items: map[int]*node{}, head: head}
}

func (this *LRUCache) unlink(n *node) {
    n.prev.next, n.next.prev = n.next, n.prev
}

func (this *LRUCache) front(n *node) {
    n.prev, n.next = this.head, this.head.next
    this.head.next.prev = n
    this.head.next = n
}


func (this *LRUCache) Get(key int) int {
    n, ok := this.items[key]
    if !ok {
        return -1
    }
    this.unlink(n)
    this.front(n)
    return n.value
}


func (this *LRUCache) Put(key int, value int)  {
    if n, ok := this.items[key]; ok {
        n.value = value
        this.unlink(n)
        this.front(n)
        return
    }
    n := &node{key: key, value: value}
    this.items[key] = n
    this.front(n)
    if len(this.items) > this.capacity {
        last := this.head.prev
        this.unlink(last)
        delete(this.items, last.key)
    }
}


/**
 * Your LRUCache object will be instantiated and called as such:
 * obj := Constructor(capacity);
 * param_1 := obj.Get(key);
 * obj.Put(key,value);
 */
