using System.Collections;
using System.Collections.Immutable;

namespace SchemaPlanner.Model;

/// <summary>An immutable array that compares by value, so records holding lists keep value equality.</summary>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly ImmutableArray<T> _items;

    public EquatableArray(ImmutableArray<T> items) => _items = items;

    public EquatableArray(IEnumerable<T> items) => _items = items.ToImmutableArray();

    public static EquatableArray<T> Empty => new(ImmutableArray<T>.Empty);

    private ImmutableArray<T> Items => _items.IsDefault ? ImmutableArray<T>.Empty : _items;

    public int Count => Items.Length;

    public T this[int index] => Items[index];

    public bool IsEmpty => Items.IsEmpty;

    public bool Equals(EquatableArray<T> other) => Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public override string ToString() => "[" + string.Join(", ", Items) + "]";
}

public static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items);

    /// <summary>
    /// The items in the order of <paramref name="key"/> (a stable sort, as <c>OrderBy</c>); the same array when it is
    /// in that order already, as the catalog queries return most lists, so normalising a read model costs one pass.
    /// </summary>
    public static EquatableArray<T> SortedBy<T, TKey>(this EquatableArray<T> items, Func<T, TKey> key, IComparer<TKey>? comparer = null)
    {
        comparer ??= Comparer<TKey>.Default;
        for (var i = 1; i < items.Count; i++)
        {
            if (comparer.Compare(key(items[i - 1]), key(items[i])) > 0)
            {
                return items.OrderBy(key, comparer).ToEquatableArray();
            }
        }

        return items;
    }

    /// <summary>The distinct items in their natural order; the same array when it is strictly increasing already.</summary>
    public static EquatableArray<T> SortedDistinct<T>(this EquatableArray<T> items)
        where T : IComparable<T>
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i - 1].CompareTo(items[i]) >= 0)
            {
                return items.Distinct().Order().ToEquatableArray();
            }
        }

        return items;
    }
}
