type Trie struct {
    next [26]*Trie
    word bool
}


func Constructor() Trie {
    return Trie{}
}


func (this *Trie) Insert(word string)  {
    node := this
    for i := 0; i < len(word); i++ {
        c := word[i] - 'a'
        if node.next[c] == nil {
            node.next[c] = &Trie{}
        }
        node = node.next[c]
    }
    node.word = true
}

func (this *Trie) find(text string) *Trie {
    node := this
    for i := 0; i < len(text) && node != nil; i++ {
        node = node.next[text[i]-'a']
    }
    return node
}


func (this *Trie) Search(word string) bool {
    node := this.find(word)
    return node != nil && node.word
}


func (this *Trie) StartsWith(prefix string) bool {
    return this.find(prefix) != nil
}
