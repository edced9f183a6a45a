# Scale-out: the shard format (unit), extract + merge == build (cli), and the same map/reduce
# on a real Dask cluster and with GNU parallel (client: skipped when the tool is missing), and
# the Slurm job array of docs/scale-out.md on a real one-node Slurm (slow, scale: skipped unless root with
# slurm-wlm and munge).
ng_add_unit(test_shard ng_core ZLIB::ZLIB)
ng_add_sh(extract_merge cli scale/test_extract_merge.sh)
ng_add_sh(dask_build client scale/test_dask.sh)
ng_add_sh(parallel_extract client scale/test_parallel.sh)
ng_add_sh(slurm_array scale scale/test_slurm.sh)
set_tests_properties(slurm_array PROPERTIES LABELS "slow;scale" TIMEOUT 420)
