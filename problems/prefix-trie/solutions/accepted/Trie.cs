public class Trie {
    private class Node {
        public readonly Dictionary<char, Node> Children = new Dictionary<char, Node>();
        public bool Word;
    }

    private readonly Node root = new Node();

    public Trie() {
    }

    public void Insert(string word) {
        var node = root;
        foreach (char c in word) {
            Node next;
            if (!node.Children.TryGetValue(c, out next)) node.Children[c] = next = new Node();
            node = next;
        }
        node.Word = true;
    }

    public bool Search(string word) {
        var node = Walk(word);
        return node != null && node.Word;
    }

    public bool StartsWith(string prefix) {
        return Walk(prefix) != null;
    }

    private Node Walk(string text) {
        var node = root;
        foreach (char c in text) {
            if (!node.Children.TryGetValue(c, out node)) return null;
        }
        return node;
    }
}
