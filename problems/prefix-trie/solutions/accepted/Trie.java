class Trie {
    private static final class Node {
        final Node[] next = new Node[26];
        boolean word;
    }

    private final Node root = new Node();

    public Trie() {
        
    }
    
    public void insert(String word) {
        Node node = root;
        for (char c : word.toCharArray()) {
            if (node.next[c - 'a'] == null) node.next[c - 'a'] = new Node();
            node = node.next[c - 'a'];
        }
        node.word = true;
    }
    
    public boolean search(String word) {
        Node node = find(word);
        return node != null && node.word;
    }
    
    public boolean startsWith(String prefix) {
        return find(prefix) != null;
    }

    private Node find(String text) {
        Node node = root;
        for (int i = 0; i < text.length() && node != null; i++) node = node.next[text.charAt(i) - 'a'];
        return node;
    }
}
