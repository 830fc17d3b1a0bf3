//! The searches of the primal-dual method: shortest distances on reduced
//! costs, then flow pushed along the arcs they make admissible.
use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::{Arc, Network};

/// Working memory of the searches, kept between phases.
#[derive(Debug, Clone, Default)]
pub(super) struct Search {
    distance: Vec<i64>,
    buckets: Vec<Vec<u32>>,
    overflow: BinaryHeap<Reverse<(i64, u32)>>,
    on_path: Vec<bool>,
    /// Hops from the source over admissible arcs (`u32::MAX`: not reached).
    level: Vec<u32>,
    queue: Vec<u32>,
    next_arc: Vec<u32>,
    path: Vec<u32>,
}

/// Distances below this wait in buckets (reduced costs are small integers),
/// others in a heap.
const BUCKETS: usize = 256;

/// Depth-first passes at one distance that each leave a shortest path behind
/// before the rest of that distance is pushed level by level. One pass
/// usually finds nearly every path; when most paths tie (everyone ranks
/// alike), each pass finds a handful and reads the whole network, and the
/// levels find them all in a few reads instead.
const PASSES_BEFORE_LEVELS: usize = 3;

impl Network {
    /// Phases of shortest paths and augmentations from the current potentials.
    /// Returns (flow, cost).
    ///
    /// Each phase computes shortest distances with Dijkstra on reduced costs,
    /// moves the potentials so that every shortest path has reduced cost 0,
    /// then pushes flow along as many of them as one depth-first pass finds.
    /// A pass can miss paths (the next phase then finds them at distance 0);
    /// after `PASSES_BEFORE_LEVELS` such passes, the paths left at that
    /// distance are pushed by blocking flows on hop levels (Dinic), which
    /// miss none. Far fewer shortest-path runs than one per unit of flow; the
    /// result is the same minimum cost.
    pub(super) fn primal_dual(&mut self, source: usize, sink: usize) -> (i64, i64) {
        let nodes = self.first.len() - 1;
        let mut search = std::mem::take(&mut self.search);
        search.distance.resize(nodes, i64::MAX);
        search.buckets.resize_with(BUCKETS, Vec::new);
        let (mut flow, mut cost) = (0_i64, 0_i64);
        // Depth-first passes at the current distance that left a path behind.
        let mut passes = 0;
        loop {
            let to_sink = self.shortest_distances(source, sink, &mut search);
            if to_sink == i64::MAX {
                break;
            }
            // A path at distance 0 right after a pass is one the pass missed.
            passes = if to_sink == 0 { passes } else { 0 };
            // Nodes farther than the sink move as if at the sink's distance: reduced
            // costs stay non-negative, and shortest paths to the sink cost 0.
            for (potential, distance) in self.potential.iter_mut().zip(&search.distance) {
                *potential += (*distance).min(to_sink);
            }
            let pushed = if passes >= PASSES_BEFORE_LEVELS {
                passes = 0;
                let mut pushed = 0;
                while self.levels(source, sink, &mut search) {
                    pushed += self.augment_levels(source, sink, &mut search);
                }
                pushed
            } else {
                passes += 1;
                self.augment(source, sink, &mut search)
            };
            if pushed == 0 {
                break;
            }
            flow += pushed;
            cost += pushed * (self.potential[sink] - self.potential[source]);
        }
        self.search = search;
        (flow, cost)
    }

    /// Dijkstra on reduced costs, stopped when the sink is reached (every node
    /// nearer is final; the others are at least as far). Small distances wait
    /// in buckets, larger ones in a heap. Returns the sink's distance.
    fn shortest_distances(&self, source: usize, sink: usize, search: &mut Search) -> i64 {
        let Search {
            distance,
            buckets,
            overflow,
            ..
        } = search;
        distance.fill(i64::MAX);
        buckets.iter_mut().for_each(Vec::clear);
        overflow.clear();
        distance[source] = 0;
        buckets[0].push(source as u32);
        let mut current = 0;
        loop {
            // The nearest node waiting: buckets in order, then the heap.
            let (dist, node) = loop {
                if current < BUCKETS {
                    match buckets[current].pop() {
                        Some(node) => break (current as i64, node as usize),
                        None => current += 1,
                    }
                } else {
                    match overflow.pop() {
                        Some(Reverse((dist, node))) => break (dist, node as usize),
                        None => return distance[sink],
                    }
                }
            };
            if dist > distance[node] {
                continue;
            }
            if node == sink {
                return dist;
            }
            for arc in &self.arcs[self.arcs_of(node)] {
                if arc.capacity <= 0 {
                    continue;
                }
                let to = arc.to as usize;
                let candidate =
                    dist + i64::from(arc.cost) + self.potential[node] - self.potential[to];
                if candidate < distance[to] {
                    distance[to] = candidate;
                    match usize::try_from(candidate) {
                        Ok(bucket) if bucket < BUCKETS => buckets[bucket].push(to as u32),
                        _ => overflow.push(Reverse((candidate, to as u32))),
                    }
                }
            }
        }
    }

    /// Whether an arc lies on a shortest path under the potentials.
    fn admissible(&self, from: usize, arc: &Arc) -> bool {
        arc.capacity > 0
            && i64::from(arc.cost) + self.potential[from] - self.potential[arc.to as usize] == 0
    }

    /// Pushes flow along admissible arcs (zero reduced cost) until a search
    /// from the source finds none: depth-first, each node's arcs tried in turn
    /// and never again once they lead nowhere, nodes on the current path
    /// skipped (zero-cost cycles). Returns the flow pushed; what it may miss,
    /// the next phase finds at distance 0.
    fn augment(&mut self, source: usize, sink: usize, search: &mut Search) -> i64 {
        let nodes = self.first.len() - 1;
        let Search {
            on_path,
            next_arc,
            path,
            ..
        } = search;
        on_path.clear();
        on_path.resize(nodes, false);
        next_arc.clear();
        next_arc.extend_from_slice(&self.first[..nodes]);
        let mut total = 0;
        let mut node = source;
        on_path[source] = true;
        path.clear();
        loop {
            if node == sink {
                let push = self.push_along(path);
                for &arc in path.iter() {
                    on_path[self.arcs[arc as usize].to as usize] = false;
                }
                total += i64::from(push);
                path.clear();
                node = source;
                continue;
            }
            let end = self.first[node + 1];
            let mut advanced = false;
            while next_arc[node] < end {
                let index = next_arc[node] as usize;
                let arc = &self.arcs[index];
                let to = arc.to as usize;
                if !on_path[to] && self.admissible(node, arc) {
                    path.push(index as u32);
                    on_path[to] = true;
                    node = to;
                    advanced = true;
                    break;
                }
                next_arc[node] += 1;
            }
            if !advanced {
                // A dead end: retreat, and never try the arc that led here again.
                let Some(arc) = path.pop() else {
                    return total;
                };
                on_path[node] = false;
                let twin = self.arcs[arc as usize].twin as usize;
                node = self.arcs[twin].to as usize;
                next_arc[node] += 1;
            }
        }
    }

    /// Pushes the most the path's arcs allow along it; returns that amount.
    fn push_along(&mut self, path: &[u32]) -> i32 {
        let push = path
            .iter()
            .map(|&arc| self.arcs[arc as usize].capacity)
            .min()
            .unwrap_or(0);
        for &arc in path {
            let arc = arc as usize;
            let twin = self.arcs[arc].twin as usize;
            self.arcs[arc].capacity -= push;
            self.arcs[twin].capacity += push;
        }
        push
    }

    /// Hops from the source over admissible arcs, breadth first, as far as
    /// the sink's level. Answers whether the sink is reached.
    fn levels(&self, source: usize, sink: usize, search: &mut Search) -> bool {
        let nodes = self.first.len() - 1;
        let Search { level, queue, .. } = search;
        level.clear();
        level.resize(nodes, u32::MAX);
        queue.clear();
        level[source] = 0;
        queue.push(source as u32);
        let mut head = 0;
        while let Some(&node) = queue.get(head) {
            head += 1;
            let node = node as usize;
            let next = level[node] + 1;
            if next > level[sink] {
                // Nodes this far cannot be on a shortest path to the sink.
                break;
            }
            for arc in &self.arcs[self.arcs_of(node)] {
                let to = arc.to as usize;
                if level[to] == u32::MAX && self.admissible(node, arc) {
                    level[to] = next;
                    if to != sink {
                        queue.push(to as u32);
                    }
                }
            }
        }
        level[sink] != u32::MAX
    }

    /// A blocking flow on the hop levels: depth first along admissible arcs
    /// one level up (no cycle, so no path is missed by skipping a node), each
    /// node's arcs tried in turn and never again once they lead nowhere.
    /// After a push the search resumes below the first arc it filled.
    /// Returns the flow pushed.
    fn augment_levels(&mut self, source: usize, sink: usize, search: &mut Search) -> i64 {
        let nodes = self.first.len() - 1;
        let Search {
            level,
            next_arc,
            path,
            ..
        } = search;
        next_arc.clear();
        next_arc.extend_from_slice(&self.first[..nodes]);
        let sink_level = level[sink];
        let mut total = 0;
        let mut node = source;
        path.clear();
        loop {
            if node == sink {
                total += i64::from(self.push_along(path));
                let full = path
                    .iter()
                    .position(|&arc| self.arcs[arc as usize].capacity == 0)
                    .unwrap_or(path.len());
                path.truncate(full);
                node = match path.last() {
                    Some(&arc) => self.arcs[arc as usize].to as usize,
                    None => source,
                };
                continue;
            }
            let end = self.first[node + 1];
            let up = level[node] + 1;
            let mut advanced = false;
            while next_arc[node] < end {
                let index = next_arc[node] as usize;
                let arc = &self.arcs[index];
                let to = arc.to as usize;
                if level[to] == up && (to == sink || up < sink_level) && self.admissible(node, arc)
                {
                    path.push(index as u32);
                    node = to;
                    advanced = true;
                    break;
                }
                next_arc[node] += 1;
            }
            if !advanced {
                let Some(arc) = path.pop() else {
                    return total;
                };
                let twin = self.arcs[arc as usize].twin as usize;
                node = self.arcs[twin].to as usize;
                next_arc[node] += 1;
            }
        }
    }
}
