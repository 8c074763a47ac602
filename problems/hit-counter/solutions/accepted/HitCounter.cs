public class HitCounter {
    private readonly Queue<int> hits = new Queue<int>();

    public HitCounter() {
    }

    public void Hit(int timestamp) {
        hits.Enqueue(timestamp);
    }

    public int GetHits(int timestamp) {
        while (hits.Count > 0 && hits.Peek() <= timestamp - 300) hits.Dequeue();
        return hits.Count;
    }
}
