import "sort"

type entry struct {
    time  int
    value string
}

type TimeMap struct {
    history map[string][]entry
}


func Constructor() TimeMap {
    return TimeMap{history: map[string][]entry{}}
}


func (this *TimeMap) Set(key string, value string, timestamp int)  {
    this.history[key] = append(this.history[key], entry{timestamp, value})
}


func (this *TimeMap) Get(key string, timestamp int) string {
    items := this.history[key]
    i := sort.Search(len(items), func(i int) bool { return items[i].time > timestamp })
    if i == 0 {
        return ""
    }
    return items[i-1].value
}
