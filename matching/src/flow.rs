//! Minimum-cost maximum flow by successive shortest paths (Dijkstra with
//! potentials). Costs are non-negative integers, so the first potentials are 0.
//! Deterministic: ties are broken by node and edge order.
use std::cmp::Reverse;
use std::collections::BinaryHeap;

#[derive(Debug, Clone)]
struct Edge {
    to: usize,
    capacity: i64,
    cost: i64,
}

/// A flow network; edges are added in pairs (forward, residual).
#[derive(Debug, Clone, Default)]
pub struct Network {
    edges: Vec<Edge>,
    out: Vec<Vec<usize>>,
}

impl Network {
    pub fn new(nodes: usize) -> Network {
        Network {
            edges: Vec::new(),
            out: vec![Vec::new(); nodes],
        }
    }

    /// Adds an edge and returns its index (to read its flow afterwards).
    pub fn add_edge(&mut self, from: usize, to: usize, capacity: i64, cost: i64) -> usize {
        let index = self.edges.len();
        self.edges.push(Edge { to, capacity, cost });
        self.out[from].push(index);
        self.edges.push(Edge {
            to: from,
            capacity: 0,
            cost: -cost,
        });
        self.out[to].push(index + 1);
        index
    }

    /// The flow an edge carries (the capacity of its residual twin).
    pub fn flow(&self, edge: usize) -> i64 {
        self.edges[edge ^ 1].capacity
    }

    /// Sends as much flow as possible from `source` to `sink` at the least cost.
    /// Returns (flow, cost).
    pub fn min_cost_max_flow(&mut self, source: usize, sink: usize) -> (i64, i64) {
        let nodes = self.out.len();
        let mut potential = vec![0_i64; nodes];
        let (mut flow, mut cost) = (0_i64, 0_i64);
        loop {
            let mut distance = vec![i64::MAX; nodes];
            let mut via = vec![usize::MAX; nodes];
            distance[source] = 0;
            let mut queue = BinaryHeap::new();
            queue.push(Reverse((0_i64, source)));
            while let Some(Reverse((dist, node))) = queue.pop() {
                if dist > distance[node] {
                    continue;
                }
                for &index in &self.out[node] {
                    let edge = &self.edges[index];
                    if edge.capacity <= 0 {
                        continue;
                    }
                    let reduced = edge.cost + potential[node] - potential[edge.to];
                    let candidate = dist + reduced;
                    if candidate < distance[edge.to] {
                        distance[edge.to] = candidate;
                        via[edge.to] = index;
                        queue.push(Reverse((candidate, edge.to)));
                    }
                }
            }
            if distance[sink] == i64::MAX {
                return (flow, cost);
            }
            for node in 0..nodes {
                if distance[node] != i64::MAX {
                    potential[node] += distance[node];
                }
            }
            // The bottleneck along the path, then push it.
            let mut push = i64::MAX;
            let mut node = sink;
            while node != source {
                let index = via[node];
                push = push.min(self.edges[index].capacity);
                node = self.edges[index ^ 1].to;
            }
            let mut node = sink;
            while node != source {
                let index = via[node];
                self.edges[index].capacity -= push;
                self.edges[index ^ 1].capacity += push;
                cost += push * self.edges[index].cost;
                node = self.edges[index ^ 1].to;
            }
            flow += push;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cheapest_of_two_routes_is_taken_first() {
        // source 0 → {1, 2} → sink 3; through 1 costs 1, through 2 costs 5.
        let mut network = Network::new(4);
        let cheap = network.add_edge(0, 1, 1, 0);
        network.add_edge(1, 3, 1, 1);
        let dear = network.add_edge(0, 2, 2, 0);
        network.add_edge(2, 3, 2, 5);
        assert_eq!(network.min_cost_max_flow(0, 3), (3, 11));
        assert_eq!(network.flow(cheap), 1);
        assert_eq!(network.flow(dear), 2);
    }

    #[test]
    fn a_cheaper_path_can_reroute_earlier_flow() {
        // Two mentees (1, 2), two mentors (3, 4). Mentee 1 likes both, mentee 2
        // only mentor 3: the optimum gives 3 to mentee 2.
        let mut network = Network::new(6);
        network.add_edge(0, 1, 1, 0);
        network.add_edge(0, 2, 1, 0);
        network.add_edge(1, 3, 1, 0);
        let detour = network.add_edge(1, 4, 1, 10);
        network.add_edge(2, 3, 1, 0);
        network.add_edge(3, 5, 1, 0);
        network.add_edge(4, 5, 1, 0);
        assert_eq!(network.min_cost_max_flow(0, 5), (2, 10));
        assert_eq!(network.flow(detour), 1);
    }
}
