// A get does not make the key the most recently used one.
public class LRUCache {
    private readonly int capacity;
    private readonly Dictionary<int, LinkedListNode<KeyValuePair<int, int>>> nodes =
        new Dictionary<int, LinkedListNode<KeyValuePair<int, int>>>();
    private readonly LinkedList<KeyValuePair<int, int>> order = new LinkedList<KeyValuePair<int, int>>();

    public LRUCache(int capacity) {
        this.capacity = capacity;
    }

    public int Get(int key) {
        LinkedListNode<KeyValuePair<int, int>> node;
        if (!nodes.TryGetValue(key, out node)) return -1;
        return node.Value.Value;
    }

    public void Put(int key, int value) {
        LinkedListNode<KeyValuePair<int, int>> node;
        if (nodes.TryGetValue(key, out node)) order.Remove(node);
        else if (nodes.Count == capacity) {
            nodes.Remove(order.Last.Value.Key);
            order.RemoveLast();
        }
        nodes[key] = order.AddFirst(new KeyValuePair<int, int>(key, value));
    }
}
